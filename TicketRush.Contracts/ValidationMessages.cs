namespace TicketRush.Contracts;

/// <summary>
/// The words of a field error, one sentence per rule, so every endpoint's 400 reads the same. <c>{0}</c> is the field,
/// <c>{1}</c> and <c>{2}</c> the rule's bounds as each attribute gives them.
/// </summary>
public static class ValidationMessages
{
    public const string Required = "{0} is required.";
    public const string IntegerRange = "{0} is an integer from {1} to {2}.";
    public const string AtLeastOne = "{0} is an integer of at least 1.";
    public const string OrderId = "{0} is an order id, 0 or more.";

    /// <summary>For <c>StringLength</c>, whose bounds come maximum first.</summary>
    public const string Length = "{0} is {2} to {1} characters.";
}
