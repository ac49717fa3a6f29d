import CLibPQ

/// Bulk loading with `COPY … FROM STDIN`.
extension PostgresConnection {
    /// Streams `rows` into a `COPY table (columns) FROM STDIN` statement in the text format (the default: give no
    /// `FORMAT` option) and returns the number of rows copied. Any failure, on either side, copies nothing.
    @discardableResult
    public func copyIn(_ sql: String, rows: some Sequence<[PostgresValue]>) throws -> Int {
        let connection = try open()
        guard let start = PQexec(connection, sql) else { throw failure(nil) }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try finish(start)
            throw PostgresError.invalidUse(message: "copyIn needs a COPY … FROM STDIN statement")
        }
        let width = Int(PQnfields(start))
        let binary = PQbinaryTuples(start) != 0
        PQclear(start)
        do {
            guard !binary else { throw PostgresError.invalidUse(message: "copyIn writes the text format, not binary") }
            try send(rows, width: width, connection: connection)
        } catch {
            PQputCopyEnd(connection, "healthgate abandoned the copy")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(connection, nil) == 1 else { throw failure(nil) }
        return try copyOutcome(connection)
    }

    private func send(_ rows: some Sequence<[PostgresValue]>, width: Int, connection: OpaquePointer) throws {
        let chunk = 1 << 16
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunk + 4096)
        for (number, row) in rows.enumerated() {
            guard row.count == width else {
                throw PostgresError.invalidUse(message: "COPY row \(number) has \(row.count) fields; the statement takes \(width)")
            }
            try PostgresCopyText.append(row, to: &buffer)
            if buffer.count >= chunk {
                try put(buffer, connection: connection)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try put(buffer, connection: connection) }
    }

    private func put(_ buffer: [UInt8], connection: OpaquePointer) throws {
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else { throw failure(nil) }
    }

    /// The row count of the finished copy, or the first error the server reported for it.
    private func copyOutcome(_ connection: OpaquePointer) throws -> Int {
        var copied: Int?
        var error: PostgresError?
        while let result = PQgetResult(connection) {
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                copied = PostgresResult(handle: result).affectedRows
            } else {
                error = error ?? failure(result)
                PQclear(result)
            }
        }
        if let error { throw error }
        guard let copied else { throw failure(nil) }
        return copied
    }
}
