using System.Globalization;
using System.Text.RegularExpressions;
using SpasmCare.Tests.Infrastructure;

namespace SpasmCare.Tests.Features.Toxin.Sessions;

/// <summary>One row of the points table as a browser posts it.</summary>
public sealed record PointRow(string Muscle, string Side, string Units, Guid VialId, string Technique = "", string MapX = "", string MapY = "");

/// <summary>The session form's fields, posted the way the page posts them.</summary>
public static partial class SessionForms
{
    public static List<KeyValuePair<string, string>> Fields(
        Guid siteId, Guid productId, IEnumerable<PointRow> points, string date = "2026-11-24", string time = "09:30",
        string indication = "HemifacialSpasm", string spasmSide = "Left", bool booster = false, string note = "")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.SiteId", siteId.ToString()),
            new("Input.Date", date),
            new("Input.Time", time),
            new("Input.Indication", indication),
            new("Input.SpasmSide", spasmSide),
            new("Input.ProductId", productId.ToString()),
            new("Input.IsBooster", booster ? "true" : "false"),
            new("Input.Note", note),
        };
        var i = 0;
        foreach (var p in points)
        {
            var at = $"Input.Points[{i.ToString(CultureInfo.InvariantCulture)}].";
            fields.Add(new(at + "Muscle", p.Muscle));
            fields.Add(new(at + "Side", p.Side));
            fields.Add(new(at + "Units", p.Units));
            fields.Add(new(at + "Technique", p.Technique));
            fields.Add(new(at + "VialId", p.VialId == Guid.Empty ? "" : p.VialId.ToString()));
            fields.Add(new(at + "MapX", p.MapX));
            fields.Add(new(at + "MapY", p.MapY));
            i++;
        }

        return fields;
    }

    /// <summary>Three points on the spasm (left) side and one contralateral balancing point: 8 U in all.</summary>
    public static PointRow[] Typical(Guid vialId) =>
    [
        new("oo-upper-pretarsal-lateral", "Left", "2.5", vialId, MapX: "0.69", MapY: "0.325"),
        new("oo-lower-pretarsal-lateral", "Left", "2.5", vialId),
        new("zygomaticus-major", "Left", "2", vialId, "Intramuscular"),
        new("zygomaticus-major", "Right", "1", vialId),
    ];

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }

    /// <summary>The warning codes the page asks the doctor to acknowledge (its hidden fields).</summary>
    public static List<string> AcknowledgedCodes(string html) =>
        AcknowledgedRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The session id of a redirect to <c>/Patients/{patientId}/Toxin/Sessions/{id}</c>.</summary>
    public static Guid SessionIdOf(Guid patientId, HttpResponseMessage response)
    {
        var prefix = $"/Patients/{patientId}/Toxin/Sessions/";
        var location = Redirects.LocationOf(response);
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return Guid.Parse(location[prefix.Length..]);
    }

    public static string NewUrl(Guid patientId) => $"/Patients/{patientId}/Toxin/Sessions/New";

    public static string Url(Guid patientId, Guid sessionId, string? tail = null) =>
        $"/Patients/{patientId}/Toxin/Sessions/{sessionId}" + (tail is null ? "" : "/" + tail);

    [GeneratedRegex("name=\"Input.AcknowledgedWarnings\" value=\"([^\"]+)\"")]
    private static partial Regex AcknowledgedRegex();
}
