import Foundation

MallocArenas.limitToOne()
exit(CommandLine.run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
