using System.Data.Common;

namespace TicketRush.Api.Faults;

/// <summary>A database failure on purpose: handled exactly like a real one (503, nothing sold).</summary>
internal sealed class InjectedFaultException(string message) : DbException(message);
