namespace WellbeingIndex.Api.Operations;

/// <summary>
/// Who may call an operation, stated once per operation (its <c>Access</c> constant). The function app's trigger passes
/// it as its <c>AuthorizationLevel</c> (the values are the Functions SDK's, so the cast is exact and the Functions host
/// checks the key); the standalone server maps <see cref="Function"/> to <see cref="FunctionKeyRequired"/>, which checks
/// <c>x-functions-key</c> against WELLBEING_PUBLISH_KEY before the handler runs.
/// </summary>
public enum OperationAccess
{
    /// <summary>Anyone (<c>AuthorizationLevel.Anonymous</c>).</summary>
    Anonymous = 0,

    /// <summary>Callers with a function key (<c>AuthorizationLevel.Function</c>).</summary>
    Function = 2,
}
