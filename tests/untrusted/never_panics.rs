//! Arbitrary input never panics the readers: any text, any JSON value, any
//! damage to a bank, and links round trip any text.

use super::*;

proptest! {
    #[test]
    fn no_text_panics_the_configuration_reader(text in ".{0,300}") {
        let _ = Config::parse(&text, Bank::standard());
        let _ = Bank::parse(&text);
        let _ = config::json_from_link(&text);
    }

    #[test]
    fn no_json_value_panics_the_readers(value in json_value()) {
        let text = value.to_string();
        let _ = Config::parse(&text, Bank::standard());
        let _ = Bank::parse(&text);
        // The same value at every place a configuration has a field.
        for key in ["organisation", "logo", "colours", "intro", "contact",
                    "anonymity_threshold", "host_messages", "bank", "dimensions", "version"] {
            let _ = Config::parse(&json!({ key: value.clone() }).to_string(), Bank::standard());
        }
    }

    #[test]
    fn no_bytes_panic_the_logo_checks(start in 0usize..4, rest in prop::collection::vec(any::<u8>(), 0..64), text in ".{0,40}") {
        let starts: [&[u8]; 4] = [b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", &[0xff, 0xd8, 0xff], b"RIFF\0\0\0\0WEBPVP8", b""];
        let bytes = [starts[start], &rest].concat();
        if let Ok(logo) = Logo::embed(&bytes) {
            prop_assert_eq!(logo.as_str().parse::<Logo>(), Ok(logo.clone()));
        }
        for kind in ["png", "jpeg", "webp"] {
            let _ = format!("data:image/{kind};base64,{text}").parse::<Logo>();
        }
    }

    #[test]
    fn damaged_banks_never_panic_the_reader(path in prop::collection::vec(0usize..8, 1..6), value in json_value()) {
        let mut bank = mini_bank_json();
        // Replace whatever sits at a random path with a random value.
        let mut pointer = String::new();
        let mut at = &bank;
        for step in path {
            let (key, next) = match at {
                Value::Object(map) if !map.is_empty() => {
                    let (key, next) = map.iter().nth(step % map.len()).unwrap();
                    (key.clone(), next)
                }
                Value::Array(items) if !items.is_empty() => {
                    let index = step % items.len();
                    (index.to_string(), &items[index])
                }
                _ => break,
            };
            pointer = format!("{pointer}/{key}");
            at = next;
        }
        *bank.pointer_mut(&pointer).unwrap() = value;
        let _ = Bank::parse(&bank.to_string());
        let _ = Config::parse(&json!({"bank": bank, "dimensions": ["alpha"]}).to_string(), Bank::standard());
    }

    #[test]
    fn links_round_trip_any_text(text in ".{0,200}") {
        let fragment = config::link_fragment(&text);
        prop_assert_eq!(config::json_from_link(&fragment), Ok(text));
    }
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        prop::sample::select(vec![
            "#fff",
            "#0b5d4b",
            "https://example.org",
            "logo.png",
            "communication",
            "alpha"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}
