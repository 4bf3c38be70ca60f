//! Just enough JSON to read the figures the benchmark's two halves hand over
//! (`native.json` from `benches/workshop.rs`, the file `e2e/bench.js` writes
//! to `TANDEM_BENCH_JSON`): xtask uses the standard library only, so that it
//! builds in seconds on a new machine.
//!
//! The input is machine-written and trusted; a reader error says where the
//! text stopped making sense, and [`Json::at`] names the figure a writer
//! looked for and did not find.

/// A JSON value. Objects keep their keys in the order written.
#[derive(Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Reads a whole JSON text.
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut reader = Reader {
            text: text.as_bytes(),
            at: 0,
        };
        let value = reader.value()?;
        reader.blank();
        if reader.at < reader.text.len() {
            return Err(reader.error("text after the value"));
        }
        Ok(value)
    }

    /// The value at a dotted path of object keys, such as
    /// `load.firstControl.median`.
    pub fn at(&self, path: &str) -> Result<&Json, String> {
        path.split('.').try_fold(self, |value, key| match value {
            Json::Object(fields) => fields
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value)
                .ok_or_else(|| format!("the figures have no `{path}`")),
            _ => Err(format!(
                "the figures have no `{path}` (`{key}`'s parent is not an object)"
            )),
        })
    }

    /// The number at `path`.
    pub fn number(&self, path: &str) -> Result<f64, String> {
        match self.at(path)? {
            Json::Number(number) => Ok(*number),
            _ => Err(format!("`{path}` is not a number")),
        }
    }

    /// The text at `path`.
    pub fn text(&self, path: &str) -> Result<&str, String> {
        match self.at(path)? {
            Json::Text(text) => Ok(text),
            _ => Err(format!("`{path}` is not text")),
        }
    }

    /// The list at `path`.
    pub fn list(&self, path: &str) -> Result<&[Json], String> {
        match self.at(path)? {
            Json::List(items) => Ok(items),
            _ => Err(format!("`{path}` is not a list")),
        }
    }
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> String {
        format!("JSON: {what} at byte {}", self.at)
    }

    fn blank(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.blank();
        self.text.get(self.at).copied()
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", byte as char)))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.list(),
            Some(b'"') => self.string().map(Json::Text),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.word(),
        }
    }

    fn word(&mut self) -> Result<Json, String> {
        for (word, value) in [
            ("null", Json::Null),
            ("true", Json::Bool(true)),
            ("false", Json::Bool(false)),
        ] {
            if self.text[self.at..].starts_with(word.as_bytes()) {
                self.at += word.len();
                return Ok(value);
            }
        }
        Err(self.error("expected a value"))
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        while self
            .text
            .get(self.at)
            .is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
        {
            self.at += 1;
        }
        std::str::from_utf8(&self.text[start..self.at])
            .ok()
            .and_then(|number| number.parse().ok())
            .map(Json::Number)
            .ok_or_else(|| self.error("a malformed number"))
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut bytes = Vec::new();
        loop {
            let Some(&byte) = self.text.get(self.at) else {
                return Err(self.error("an unfinished string"));
            };
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let escaped = self.text.get(self.at).copied();
                    self.at += 1;
                    let plain = match escaped {
                        Some(b'n') => '\n',
                        Some(b't') => '\t',
                        Some(b'r') => '\r',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'u') => self.unicode_escape()?,
                        Some(other @ (b'"' | b'\\' | b'/')) => other as char,
                        _ => return Err(self.error("an unknown escape")),
                    };
                    bytes.extend_from_slice(plain.encode_utf8(&mut [0; 4]).as_bytes());
                }
                _ => bytes.push(byte),
            }
        }
        String::from_utf8(bytes).map_err(|_| self.error("a string that is not UTF-8"))
    }

    /// The four hex digits after `\u`; a lone surrogate becomes U+FFFD
    /// (nothing the benchmark writes has one).
    fn unicode_escape(&mut self) -> Result<char, String> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .and_then(|digits| std::str::from_utf8(digits).ok())
            .and_then(|digits| u32::from_str_radix(digits, 16).ok())
            .ok_or_else(|| self.error("a malformed \\u escape"))?;
        self.at += 4;
        Ok(char::from_u32(digits).unwrap_or('\u{fffd}'))
    }

    fn list(&mut self) -> Result<Json, String> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::List(items));
        }
        loop {
            items.push(self.value()?);
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::List(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Json, String> {
        self.expect(b'{')?;
        let mut fields = Vec::new();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(fields));
        }
        loop {
            self.blank();
            let key = self.string()?;
            self.expect(b':')?;
            fields.push((key, self.value()?));
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(fields));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn the_benchmarks_figures_are_read() {
        let json = Json::parse(
            r#"{ "browser": "139.0.7258.5", "load": { "runs": 10,
                 "firstControl": { "median": 232.5, "min": 2.05e2, "count": 10 },
                 "restLinked": null },
                 "files": [ { "name": "caf\u00e9 \"x\"", "sizes": [1, -2, 3] } ],
                 "ok": true }"#,
        )
        .unwrap();
        assert_eq!(json.text("browser"), Ok("139.0.7258.5"));
        assert_eq!(json.number("load.firstControl.median"), Ok(232.5));
        assert_eq!(json.number("load.firstControl.min"), Ok(205.0));
        assert_eq!(json.at("load.restLinked"), Ok(&Json::Null));
        let files = json.list("files").unwrap();
        assert_eq!(files[0].text("name"), Ok("café \"x\""));
        assert_eq!(
            files[0].list("sizes").unwrap(),
            &[Json::Number(1.0), Json::Number(-2.0), Json::Number(3.0)]
        );
        assert_eq!(json.at("ok"), Ok(&Json::Bool(true)));
    }

    #[test]
    fn a_missing_figure_is_named() {
        let json = Json::parse(r#"{"load": {"runs": 10}}"#).unwrap();
        assert_eq!(
            json.number("load.firstControl.median"),
            Err("the figures have no `load.firstControl.median`".to_owned())
        );
        assert_eq!(
            json.text("load.runs"),
            Err("`load.runs` is not text".to_owned())
        );
    }

    #[test]
    fn malformed_text_is_refused_with_its_place() {
        assert_eq!(
            Json::parse(r#"{"a": 1,}"#),
            Err("JSON: expected `\"` at byte 8".to_owned())
        );
        assert!(Json::parse("[1, 2").is_err());
        assert!(Json::parse("\"unfinished").is_err());
        assert!(Json::parse("1 2").is_err());
        assert_eq!(Json::parse(" [ ] "), Ok(Json::List(Vec::new())));
    }
}
