import HealthCode

/// The one-line message under the result: a problem with the input, a prompt, or a store failure.
enum Notice: Equatable, Sendable {
    /// A scan that is not a document or phone; `input` is the rejected text, masked.
    case rejectedScan(ScanProblem, input: String)
    case rejectedReading(TemperatureProblem)
    case remeasure
    case registered(from: CodeColour, to: CodeColour)
    case noOpenCheck
    case readingAwaited
    case nothingToVoid
    case correctionNoteRequired
    case correctionCancelled
    /// A document or phone was entered as the reason: the correction was dropped and the line looked up.
    case correctionCancelledByScan
    /// Quitting, the store failed to record `count` checks; quitting again leaves without them.
    case unrecordedOnQuit(ServiceFailure, count: Int)
    case voided(document: String)
    case failure(ServiceFailure)
    /// Shown once at start when demo data were just built for a first run.
    case demoBuilt(people: Int)

    /// How loudly the line is drawn.
    var role: ColourRole {
        switch self {
        case .failure, .unrecordedOnQuit, .rejectedScan, .rejectedReading: .error
        case .remeasure, .registered, .readingAwaited, .correctionNoteRequired, .noOpenCheck,
             .correctionCancelledByScan: .warning
        case .nothingToVoid, .correctionCancelled, .voided, .demoBuilt: .plain
        }
    }
}
