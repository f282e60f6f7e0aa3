namespace SpasmCare.Clinical;

/// <summary>
/// One validation problem in plain words, tied to the field it concerns (a property name such as
/// <c>AgeAtOnsetYears</c>, or a path such as <c>items[2].max</c> for instrument definitions). Clinical rules
/// return these instead of throwing, so a page can show them next to the inputs.
/// </summary>
public sealed record FieldError(string Field, string Message);
