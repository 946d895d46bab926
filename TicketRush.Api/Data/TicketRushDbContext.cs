using Microsoft.EntityFrameworkCore;

namespace TicketRush.Api.Data;

internal sealed class TicketRushDbContext(DbContextOptions<TicketRushDbContext> options) : DbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketOrder> TicketOrders => Set<TicketOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ticket>(ticket =>
        {
            ticket.ToTable("tickets");
            ticket.Property(t => t.Id).HasColumnName("id");
            ticket.Property(t => t.Name).HasColumnName("name").HasMaxLength(200);
            ticket.Property(t => t.TotalStock).HasColumnName("total_stock");
            ticket.Property(t => t.Strategy).HasColumnName("strategy").HasMaxLength(50);
            ticket.Property(t => t.RemainingStock).HasColumnName("remaining_stock");
            ticket.Property(t => t.OrderCount).HasColumnName("order_count");
            ticket.Property(t => t.Version).HasColumnName("version").IsConcurrencyToken();
            ticket.Property(t => t.CreatedAt).HasColumnName("created_at");
            ticket.Property(t => t.LastSale).HasColumnName("last_sale");
            ticket.Property(t => t.AdmitPerSecond).HasColumnName("admit_per_second");
            ticket.Property(t => t.AdmissionSeconds).HasColumnName("admission_seconds");
            ticket.Property(t => t.Overbooking).HasColumnName("overbooking");
            ticket.Property(t => t.HomeDatabase).HasColumnName("home_database").HasMaxLength(64);
        });

        modelBuilder.Entity<TicketOrder>(order =>
        {
            order.ToTable("ticket_orders");
            order.Property(o => o.Id).HasColumnName("id");
            order.Property(o => o.TicketId).HasColumnName("ticket_id");
            order.Property(o => o.UserId).HasColumnName("user_id");
            order.Property(o => o.CreatedAt).HasColumnName("created_at");
            order.Property(o => o.ServedBy).HasColumnName("served_by").HasMaxLength(100);
            order.Property(o => o.Strategy).HasColumnName("strategy").HasMaxLength(50);
            order.HasIndex(o => new { o.TicketId, o.UserId }).IsUnique().HasDatabaseName("ux_ticket_orders_ticket_user");
            // Order pages are read by keyset (ticket, then id after the last one seen): a seek, not an offset scan.
            order.HasIndex(o => new { o.TicketId, o.Id }).HasDatabaseName("ix_ticket_orders_ticket_order");
            order.HasOne<Ticket>().WithMany().HasForeignKey(o => o.TicketId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
