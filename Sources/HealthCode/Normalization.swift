/// Folds what a scanner or a Chinese input method types into plain ASCII upper case.
public enum Normalization {
    /// Full-width ASCII to half-width, ideographic space to space, then upper case.
    public static func halfWidth(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            case 0x3002: out.append(".")  // 。 typed for a decimal point
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Half-width, without spaces, hyphens or control characters, upper-cased: the form documents are matched in.
    public static func document(_ raw: String) -> String {
        let normal = raw.utf8.allSatisfy {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                || $0 == UInt8(ascii: ":")
        }
        if normal { return raw }  // already in the form, as a scanner types it: nothing to fold
        let folded = halfWidth(raw).uppercased()
        return String(folded.unicodeScalars.filter { scalar in
            !(scalar.properties.isWhitespace || scalar == "-" || scalar.value < 0x20 || scalar.value == 0x7F)
        }.map(Character.init))
    }
}
