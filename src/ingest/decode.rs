//! Bytes to text: byte-order marks, UTF-8, and a single-byte fallback for legacy files.
//!
//! Archives mix encodings (a lone Latin-1 pound sign in an otherwise UTF-8 set is typical).
//! Order: a BOM wins; valid UTF-8 is UTF-8; anything else is read as windows-1252, the
//! superset of ISO-8859-1 that browsers and the WHATWG standard use for "latin1", so a
//! 0xA3 byte becomes '£' instead of a replacement character.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: encoding_name(enc),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_owned(),
            encoding: "utf-8",
        },
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                encoding: "windows-1252",
            }
        }
    }
}

fn encoding_name(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "utf-8"
    } else if enc == UTF_16LE {
        "utf-16le"
    } else if enc == UTF_16BE {
        "utf-16be"
    } else {
        "windows-1252"
    }
}

/// True when the bytes look like a binary file (image, PDF, executable) rather than text:
/// a NUL byte in the first 8 KiB, where no text encoding we read (without a UTF-16 BOM) has one.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some_and(|(enc, _)| enc == UTF_16LE || enc == UTF_16BE) {
        return false;
    }
    bytes.iter().take(8192).any(|&b| b == 0)
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
        let d = decode(b"It cost \xa3300 in M\xfcnchen");
        assert_eq!(d.text, "It cost £300 in München");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn boms_are_honoured_and_stripped() {
        let d = decode(b"\xef\xbb\xbfTitle");
        assert_eq!((d.text.as_str(), d.encoding), ("Title", "utf-8"));
        let d = decode(b"\xff\xfeT\x00i\x00");
        assert_eq!((d.text.as_str(), d.encoding), ("Ti", "utf-16le"));
        assert!(!looks_binary(b"\xff\xfeT\x00i\x00"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"));
        assert!(!looks_binary(b"plain text\n"));
    }
}
