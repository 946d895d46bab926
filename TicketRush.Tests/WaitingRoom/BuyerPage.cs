using Microsoft.Playwright;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TicketRush.Tests.WaitingRoom;

/// <summary>The buyer's page of a waiting room, driven in headless Chromium from Debian.</summary>
public static class BuyerPage
{
    /// <summary>Debian's Chromium, or the one <c>TICKETRUSH_CHROMIUM</c> names; nothing downloads a browser.</summary>
    private static readonly string Chromium = Environment.GetEnvironmentVariable("TICKETRUSH_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>
    /// Buyers <paramref name="firstBuyer"/> and the next are in line before the page's buyer (the one after), who joins,
    /// is admitted and buys on the page; the page signs in through the development token endpoint, so this holds with
    /// <c>Buyers:Authentication=required</c> too.
    /// </summary>
    public static async Task JoinAndBuyAsync(TicketRushApp app, long firstBuyer, ITestOutputHelper output)
    {
        Assert.True(File.Exists(Chromium), $"Chromium at {Chromium} (scripts/ensure-browser.sh installs it)");
        var ticket = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 3, StrategyNames.Atomic, "Concert", waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 1));
        // Two buyers are in line first, so the page has a place and a wait to show.
        await app.Servers[0].JoinQueueAsync(ticket.Id, firstBuyer);
        await app.Servers[1].JoinQueueAsync(ticket.Id, firstBuyer + 1);
        var buyer = firstBuyer + 2;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 720, Height = 640 } });

        await page.GotoAsync(new Uri(app.Servers[1].BaseAddress!, $"/tickets/{ticket.Id}/wait").ToString());
        await Expect(page.Locator("#ticket")).ToHaveTextAsync("Concert · waiting room");
        await page.FillAsync("#user", buyer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#join-button");

        await Expect(page.Locator("#position")).ToHaveTextAsync("3");
        await Expect(page.Locator("#status")).ToHaveTextAsync(QueueStatuses.Admitted, new() { Timeout = 30_000 });
        await Expect(page.Locator("#buy")).ToBeEnabledAsync();
        await page.ClickAsync("#buy");

        await Expect(page.Locator("#outcome")).ToContainTextAsync("You bought", new() { Timeout = 30_000 });
        await Expect(page.Locator("#status")).ToHaveTextAsync(QueueStatuses.Purchased, new() { Timeout = 30_000 });
        var screenshot = Path.Combine(AppContext.BaseDirectory, "waiting-room.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        Assert.Contains(await app.Servers[0].GetAllOrdersAsync(ticket.Id), order => order.UserId == buyer);
    }
}
