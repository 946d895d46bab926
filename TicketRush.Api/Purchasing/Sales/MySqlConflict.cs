using MySqlConnector;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>Server errors that mean "another buyer got there first": the attempt wrote nothing and may be retried whole.</summary>
internal static class MySqlConflict
{
    /// <summary>MariaDB's "Record has changed since last read" under snapshot isolation (default from 11.6.2).</summary>
    public const int RecordChangedSinceLastRead = 1020;

    public static bool Is(MySqlException exception) =>
        exception.ErrorCode == MySqlErrorCode.LockDeadlock || (int)exception.ErrorCode == RecordChangedSinceLastRead;
}
