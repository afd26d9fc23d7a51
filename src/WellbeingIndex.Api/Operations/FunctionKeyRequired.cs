namespace WellbeingIndex.Api.Operations;

/// <summary>
/// Endpoint metadata of an operation whose function-app trigger has authorization level <c>Function</c>: the standalone
/// server checks <c>x-functions-key</c> against WELLBEING_PUBLISH_KEY instead of the Functions host.
/// </summary>
public sealed class FunctionKeyRequired
{
    public static readonly FunctionKeyRequired Instance = new();

    private FunctionKeyRequired()
    {
    }
}
