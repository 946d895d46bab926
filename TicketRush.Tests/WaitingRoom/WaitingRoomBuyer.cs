using System.Net;
using TicketRush.Rush;

namespace TicketRush.Tests.WaitingRoom;

/// <summary>A buyer of a waiting-room sale: polls their place in line and buys once admitted.</summary>
public static class WaitingRoomBuyer
{
    /// <summary>Polls until admitted (then buys) or until the line says it is over; returns the last status and the purchase's status code.</summary>
    public static async Task<(string Status, HttpStatusCode? Purchase)> WaitAndBuyAsync(HttpClient server, long ticketId, long userId, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            var state = await server.GetQueueStatusAsync(ticketId, userId, timeout.Token);
            switch (state.Status)
            {
                case "admitted":
                    using (var response = await server.PurchaseAdmittedAsync(ticketId, userId, state.AdmissionToken, timeout.Token))
                    {
                        return (state.Status, response.StatusCode);
                    }

                case "waiting":
                    await Task.Delay(50, timeout.Token);
                    break;
                default:
                    return (state.Status, null);
            }
        }
    }

    /// <summary>Polls until the buyer's status is <paramref name="status"/>.</summary>
    public static async Task<QueueStatusDto> WaitForStatusAsync(HttpClient server, long ticketId, long userId, string status, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            var state = await server.GetQueueStatusAsync(ticketId, userId, timeout.Token);
            if (state.Status == status)
            {
                return state;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
