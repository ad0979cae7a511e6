/// What operators wrote to the state database: acknowledgements, silences, notes and maintenance
/// windows; re-read by the engine when another process (the command line) changed it.
public struct OperatorState: Sendable {
    public var acknowledgements: [Acknowledgement]
    public var silences: [Silence]
    public var notes: [AlertNote]
    public var maintenanceWindows: [MaintenanceWindow]

    public init(
        acknowledgements: [Acknowledgement], silences: [Silence], notes: [AlertNote],
        maintenanceWindows: [MaintenanceWindow]
    ) {
        self.acknowledgements = acknowledgements
        self.silences = silences
        self.notes = notes
        self.maintenanceWindows = maintenanceWindows
    }
}
