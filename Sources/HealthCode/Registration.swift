import Foundation

/// The colour rules of an abnormal registration (异常登记) and of its correction (纠错转码).
public enum Registration {
    /// The colour after a registration: green turns yellow, any other colour stays.
    public static func colour(after current: CodeColour) -> CodeColour {
        current == .green ? .yellow : current
    }

    /// The colour after voiding `registration`, or nil to leave it: the colour it changed is
    /// restored only when that registration was the last change to the code.
    public static func colourAfterVoid(lastChangedBy: UUID?, registration: UUID,
                                       colourBefore: CodeColour) -> CodeColour? {
        lastChangedBy == registration ? colourBefore : nil
    }
}
