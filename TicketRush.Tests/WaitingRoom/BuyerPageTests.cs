using Microsoft.Playwright;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TicketRush.Tests.WaitingRoom;

/// <summary>The buyer's page of a waiting room, in headless Chromium from Debian: join, watch the line move, buy.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class BuyerPageTests(TicketRushApp app, ITestOutputHelper output)
{
    /// <summary>Debian's Chromium, or the one <c>TICKETRUSH_CHROMIUM</c> names; nothing downloads a browser.</summary>
    private static readonly string Chromium = Environment.GetEnvironmentVariable("TICKETRUSH_CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task A_buyer_joins_sees_their_place_is_admitted_and_buys_on_the_page()
    {
        Assert.True(File.Exists(Chromium), $"Chromium at {Chromium} (scripts/ensure-browser.sh installs it)");
        var ticket = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 3, StrategyNames.Atomic, "Concert", waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 1));
        // Two buyers are in line first, so the page has a place and a wait to show.
        await app.Servers[0].JoinQueueAsync(ticket.Id, 90_000_001);
        await app.Servers[1].JoinQueueAsync(ticket.Id, 90_000_002);
        const long buyer = 90_000_003;

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
