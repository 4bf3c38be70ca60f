//! The answer scale, the respondent's role and the two lengths of assessment.

use serde::de::{self, Deserializer, EnumAccess, Unexpected, VariantAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Reads one of a unit-only enum's `variants` by name and returns its index:
/// what `#[derive(Deserialize)]` does, with the same error messages, but one
/// copy of the code for every such enum instead of one each (each derived
/// reader cost about 1 KB of wasm). Tandem reads only JSON, which names a
/// variant as text (or, in a map, a number), never as bytes.
pub(crate) fn variant_index<'de, D: Deserializer<'de>>(
    deserializer: D,
    name: &'static str,
    variants: &'static [&'static str],
) -> Result<usize, D::Error> {
    /// The variant's name (or index), as the derived `__FieldVisitor` reads it.
    struct Identifier(&'static [&'static str]);

    impl<'de> Visitor<'de> for Identifier {
        type Value = usize;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("variant identifier")
        }

        fn visit_u64<E: de::Error>(self, index: u64) -> Result<usize, E> {
            match usize::try_from(index) {
                Ok(index) if index < self.0.len() => Ok(index),
                _ => Err(E::invalid_value(
                    Unexpected::Unsigned(index),
                    &format!("variant index 0 <= i < {}", self.0.len()).as_str(),
                )),
            }
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<usize, E> {
            self.0
                .iter()
                .position(|&variant| variant == text)
                .ok_or_else(|| E::unknown_variant(text, self.0))
        }
    }

    impl<'de> de::DeserializeSeed<'de> for Identifier {
        type Value = usize;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
            deserializer.deserialize_identifier(self)
        }
    }

    /// The enum, as the derived `__Visitor` reads it.
    struct Unit {
        name: &'static str,
        variants: &'static [&'static str],
    }

    impl<'de> Visitor<'de> for Unit {
        type Value = usize;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "enum {}", self.name)
        }

        fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
            let (index, variant) = data.variant_seed(Identifier(self.variants))?;
            variant.unit_variant()?;
            Ok(index)
        }
    }

    deserializer.deserialize_enum(name, variants, Unit { name, variants })
}

/// One answer to one statement: a five-point agreement scale, plus two answers
/// that say "I cannot judge this" and so never count as a low score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    StronglyDisagree,
    Disagree,
    Neutral,
    Agree,
    StronglyAgree,
    /// The respondent does not know; excluded from the score, shown as coverage.
    DontKnow,
    /// The statement does not apply to this organisation; only offered on
    /// statements whose bank entry allows it. Excluded like [`Answer::DontKnow`].
    NotApplicable,
}

impl Answer {
    /// The agreement scale in the order it is shown, most negative first.
    pub const AGREEMENT: [Answer; 5] = [
        Answer::StronglyDisagree,
        Answer::Disagree,
        Answer::Neutral,
        Answer::Agree,
        Answer::StronglyAgree,
    ];

    /// Every answer, the scale first, then the two that are not an opinion.
    pub const ALL: [Answer; 7] = [
        Answer::StronglyDisagree,
        Answer::Disagree,
        Answer::Neutral,
        Answer::Agree,
        Answer::StronglyAgree,
        Answer::DontKnow,
        Answer::NotApplicable,
    ];

    /// Position on the agreement scale, 1 (strongly disagree) to 5 (strongly
    /// agree); `None` for the answers that are not an opinion.
    pub fn agreement(self) -> Option<u8> {
        match self {
            Answer::StronglyDisagree => Some(1),
            Answer::Disagree => Some(2),
            Answer::Neutral => Some(3),
            Answer::Agree => Some(4),
            Answer::StronglyAgree => Some(5),
            Answer::DontKnow | Answer::NotApplicable => None,
        }
    }

    /// A short, stable token for element ids.
    pub fn token(self) -> &'static str {
        match self {
            Answer::StronglyDisagree => "sd",
            Answer::Disagree => "d",
            Answer::Neutral => "n",
            Answer::Agree => "a",
            Answer::StronglyAgree => "sa",
            Answer::DontKnow => "dk",
            Answer::NotApplicable => "na",
        }
    }
}

/// Where the respondent sits, asked first so that a workshop can compare how
/// HR and L&D see the same partnership.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Hr,
    LearningAndDevelopment,
    Leadership,
    LineManager,
    Other,
}

impl Role {
    /// Every role, in the order they are offered.
    pub const ALL: [Role; 5] = [
        Role::Hr,
        Role::LearningAndDevelopment,
        Role::Leadership,
        Role::LineManager,
        Role::Other,
    ];

    /// A short, stable token for element ids.
    pub fn token(self) -> &'static str {
        match self {
            Role::Hr => "hr",
            Role::LearningAndDevelopment => "ld",
            Role::Leadership => "leadership",
            Role::LineManager => "line-manager",
            Role::Other => "other",
        }
    }
}

/// How much of the bank the respondent answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// The core dimensions only.
    Quick,
    /// Every dimension.
    Full,
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: &[&str] = &[
            "strongly-disagree",
            "disagree",
            "neutral",
            "agree",
            "strongly-agree",
            "dont-know",
            "not-applicable",
        ];
        variant_index(deserializer, "Answer", NAMES).map(|index| Answer::ALL[index])
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: &[&str] = &[
            "hr",
            "learning-and-development",
            "leadership",
            "line-manager",
            "other",
        ];
        variant_index(deserializer, "Role", NAMES).map(|index| Role::ALL[index])
    }
}

impl<'de> Deserialize<'de> for Mode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: &[&str] = &["quick", "full"];
        variant_index(deserializer, "Mode", NAMES).map(|index| [Mode::Quick, Mode::Full][index])
    }
}

#[cfg(test)]
mod tests {
    use super::Mode;

    #[test]
    fn each_start_button_names_its_mode() {
        for mode in [Mode::Quick, Mode::Full] {
            assert_eq!(
                mode.start_key().in_english(),
                format!("Start the {}", mode.label().to_lowercase())
            );
        }
    }
}
