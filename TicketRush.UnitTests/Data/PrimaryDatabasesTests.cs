using MySqlConnector;
using TicketRush.Api.Data;

namespace TicketRush.UnitTests.Data;

/// <summary>A sale's connection goes to its ticket's home database; no home means this server's own.</summary>
public sealed class PrimaryDatabasesTests : IAsyncDisposable
{
    private readonly MySqlDataSource _a = new("Server=127.0.0.1;Port=1;Database=ticketrush");
    private readonly MySqlDataSource _b = new("Server=127.0.0.1;Port=2;Database=ticketrush");

    [Fact]
    public void A_ticket_without_a_home_is_written_on_this_server_own_database()
    {
        var databases = new PrimaryDatabases("mysql-a", _a, new Dictionary<string, MySqlDataSource> { ["mysql-b"] = _b });

        Assert.Same(_a, databases.For(null));
        Assert.Same(_a, databases.For("mysql-a"));
    }

    [Fact]
    public void A_ticket_homed_elsewhere_is_written_there()
    {
        var databases = new PrimaryDatabases("mysql-a", _a, new Dictionary<string, MySqlDataSource> { ["mysql-b"] = _b });

        Assert.Same(_b, databases.For("mysql-b"));
        Assert.True(databases.AreSeveral);
        Assert.Equal(["mysql-a", "mysql-b"], databases.Names);
    }

    [Fact]
    public void An_unknown_home_is_an_error_not_a_silent_local_write()
    {
        var databases = new PrimaryDatabases("mysql", _a, new Dictionary<string, MySqlDataSource>());

        Assert.False(databases.AreSeveral);
        Assert.Throws<InvalidOperationException>(() => databases.For("mysql-b"));
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }
}
