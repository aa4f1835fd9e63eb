//! Bytes to text: gzip, byte-order marks, declared charsets checked against the bytes, and
//! statistical detection for undeclared legacy encodings.
//!
//! Order of evidence: a BOM wins; bytes that are valid UTF-8 are UTF-8 even when the file
//! declares ISO-8859-1 (wire feeds that re-encode without fixing the declaration are
//! common, and valid UTF-8 by accident is vanishingly rare in Latin-1 text); otherwise a
//! declared charset (`<?xml encoding=...?>`, `<meta charset=...>`) is used; otherwise
//! chardetng guesses (a lone Latin-1 `0xA3` becomes '£', not a replacement character).
//! A file that is UTF-8 for the most part, with a few bytes that are not (a multi-byte
//! character cut by a text browser's line wrap, a Latin-1 word pasted into UTF-8 text), is
//! read as UTF-8 with each stray byte read as windows-1252, so that one bad byte does not
//! turn a whole Japanese page into mojibake.

use std::io::Read;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::ingest::read::ReadError;

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Lower-case WHATWG name: "utf-8", "windows-1252", "iso-8859-2", "utf-16le", ...
    pub encoding: String,
}

pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return decoded(text.into_owned(), enc);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return decoded(s.to_owned(), UTF_8);
    }
    if let Some(text) = mostly_utf8(bytes) {
        return decoded(text, UTF_8);
    }
    let enc = declared_charset(bytes)
        .filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE)
        .unwrap_or_else(|| detect(bytes));
    let (text, _) = enc.decode_without_bom_handling(bytes);
    decoded(text.into_owned(), enc)
}

/// `bytes` read as UTF-8 with stray bytes read as windows-1252, when valid multi-byte
/// characters outnumber the stray bytes ten to one; `None` otherwise.
fn mostly_utf8(bytes: &[u8]) -> Option<String> {
    let mut text = String::with_capacity(bytes.len());
    let (mut valid_multibyte, mut stray) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        let (good, bad) = match std::str::from_utf8(rest) {
            Ok(s) => (s, 0),
            Err(e) => {
                let good = &rest[..e.valid_up_to()];
                // The first `valid_up_to` bytes are valid UTF-8: this never falls back.
                let good = std::str::from_utf8(good).unwrap_or_default();
                (good, e.error_len().unwrap_or(rest.len() - e.valid_up_to()))
            }
        };
        valid_multibyte += good.chars().filter(|c| !c.is_ascii()).count();
        text.push_str(good);
        let bad_bytes = &rest[good.len()..good.len() + bad];
        stray += bad_bytes.len();
        text.push_str(&WINDOWS_1252.decode_without_bom_handling(bad_bytes).0);
        rest = &rest[good.len() + bad..];
    }
    (valid_multibyte >= 10 * stray).then_some(text)
}

/// Below this many non-ASCII bytes the detector has too little evidence to tell the
/// single-byte encodings apart (one 0xA3 is '£' in windows-1252 and 'Ł' in windows-1250),
/// so the most common legacy encoding of news text wins unless its byte statistics rule
/// it out (an undefined byte).
const FEW_NON_ASCII: usize = 16;

/// chardetng's guess for undeclared, non-UTF-8 bytes, biased to windows-1252 on thin evidence.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    // Bytes windows-1252 leaves undefined rule it out.
    let unmapped_in_1252 = bytes
        .iter()
        .any(|b| matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d));
    if non_ascii <= FEW_NON_ASCII && !unmapped_in_1252 {
        return WINDOWS_1252;
    }
    guess
}

fn decoded(text: String, enc: &'static Encoding) -> Decoded {
    Decoded {
        text,
        encoding: enc.name().to_ascii_lowercase(),
    }
}

/// The charset an XML declaration or an HTML meta tag claims, from the first 4 KiB.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let value_after = |key: &str| -> Option<String> {
        let i = head.find(key)? + key.len();
        let rest = head[i..].trim_start_matches([' ', '=', '"', '\'']);
        let end = rest
            .find(|c: char| {
                !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' || c == ':')
            })
            .unwrap_or(rest.len());
        (end > 0).then(|| rest[..end].to_string())
    };
    let label = if head.trim_start().starts_with("<?xml") {
        let decl_end = head.find("?>").unwrap_or(head.len());
        head[..decl_end]
            .contains("encoding")
            .then(|| value_after("encoding"))
            .flatten()
    } else {
        None
    }
    .or_else(|| value_after("charset"))?;
    Encoding::for_label(label.as_bytes())
}

/// True when the bytes look like a binary file (image, PDF, executable) rather than text:
/// a NUL byte in the first 8 KiB, where no text encoding we read (without a UTF-16 BOM) has one.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some_and(|(enc, _)| enc == UTF_16LE || enc == UTF_16BE) {
        return false;
    }
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// Gunzips `bytes`, refusing output larger than `cap` (a gzip bomb) and reporting a
/// truncated or corrupt stream.
pub fn gunzip(bytes: &[u8], cap: u64) -> Result<Vec<u8>, ReadError> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(cap + 1)
        .read_to_end(&mut out)
        .map_err(ReadError::Gzip)?;
    if out.len() as u64 > cap {
        return Err(ReadError::GunzipTooLarge { cap });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Zürich – “quoted”".as_bytes());
        assert_eq!(d.text, "Zürich – “quoted”");
        assert_eq!(d.encoding, "utf-8");
    }

    #[test]
    fn latin1_pound_sign_is_decoded() {
        let d = decode(b"It cost \xa3300 in M\xfcnchen, said the chairman of the club.");
        assert_eq!(
            d.text,
            "It cost £300 in München, said the chairman of the club."
        );
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn lone_pound_sign_in_english_text_is_windows_1252() {
        let d =
            decode(b"Chelsea paid \xa315.8m for the striker, who joined from Parma last season.");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("£15.8m"));
    }

    #[test]
    fn longer_legacy_text_is_detected_statistically() {
        let cyrillic = "Президент заявил, что переговоры продолжатся на следующей неделе в Москве.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(cyrillic);
        let d = decode(&bytes);
        assert_eq!(d.encoding, "windows-1251");
        assert_eq!(d.text, cyrillic);
    }

    #[test]
    fn mostly_utf8_with_a_stray_byte_stays_utf8() {
        let mut bytes = "商標には、同じ商標が付された商品は同じ提供元のものである。"
            .repeat(3)
            .into_bytes();
        bytes.insert(12, 0x82);
        let d = decode(&bytes);
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.contains("同じ提供元のものである"), "{}", d.text);
        // A Latin-1 word in UTF-8 text: both read.
        let mixed = b"Caf\xc3\xa9 \xc3\xa0 la cr\xc3\xa8me: d\xc3\xa9j\xc3\xa0 vu, \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9, caf\xe9";
        assert_eq!(
            decode(mixed).text,
            "Café à la crème: déjà vu, été été été, café"
        );
        // Mostly legacy bytes: detected as before.
        assert_eq!(decode(b"caf\xe9 cr\xe8me").encoding, "windows-1252");
    }

    #[test]
    fn declared_latin1_with_utf8_bytes_is_utf8() {
        let bytes = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf>Zürich</nitf>".as_bytes();
        assert_eq!(decode(bytes).encoding, "utf-8");
        assert!(decode(bytes).text.contains("Zürich"));
    }

    #[test]
    fn declared_charset_is_used_for_legacy_bytes() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"iso-8859-2\"?><p>\xb3\xf3d\xbc</p>";
        let d = decode(bytes);
        assert_eq!(d.encoding, "iso-8859-2");
        assert!(d.text.contains("łódź"), "{}", d.text);
        let html = b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        assert!(decode(html).text.contains("Привет"));
    }

    #[test]
    fn boms_are_honoured_and_stripped() {
        let d = decode(b"\xef\xbb\xbfTitle");
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("Title", "utf-8"));
        let d = decode(b"\xff\xfeT\x00i\x00");
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("Ti", "utf-16le"));
        assert!(!looks_binary(b"\xff\xfeT\x00i\x00"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"));
        assert!(!looks_binary(b"plain text\n"));
    }

    #[test]
    fn gzip_round_trip_truncation_and_bombs() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&b"a".repeat(10_000)).unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(gunzip(&gz, 1 << 20).unwrap().len(), 10_000);
        assert!(gunzip(&gz[..gz.len() / 2], 1 << 20)
            .unwrap_err()
            .to_string()
            .contains("truncated"));
        assert!(gunzip(&gz, 1000)
            .unwrap_err()
            .to_string()
            .contains("more than"));
    }
}
