using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using SpasmCare.Tests.Infrastructure;

namespace SpasmCare.Tests.Features.Workup;

/// <summary>Form fields and uploads for the workup pages, posted the way a browser posts them.</summary>
public static class WorkupPages
{
    public static readonly byte[] PdfBytes = [.. "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8];
    public static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    public static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];
    public static readonly byte[] WindowsProgramBytes = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
    public static readonly byte[] LinuxProgramBytes = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00];
    public static readonly byte[] ScriptBytes = [.. "#!/bin/sh\nrm -rf /\n"u8];

    public static Dictionary<string, string> Imaging(string prefix = "Input.") => new()
    {
        [prefix + "Modality"] = "Mri",
        [prefix + "StudyDate"] = "2026-10-01",
        [prefix + "Centre"] = "Synthetic Imaging Centre",
        [prefix + "NeurovascularContact"] = "true",
        [prefix + "ContactSide"] = "Left",
        [prefix + "ContactSite"] = "RootExitZone",
        [prefix + "CompressionSites"] = "2",
        [prefix + "Indentation"] = "true",
        [prefix + "VertebralDolichoectasia"] = "false",
        [prefix + "OtherLesion"] = "",
        [prefix + "Impression"] = "Contact of the AICA with the left facial nerve at the root exit zone.",
    };

    /// <summary>The imaging form's fields, with the checkboxes (several values under one name).</summary>
    public static List<KeyValuePair<string, string>> ImagingWithChoices(Dictionary<string, string> fields, string prefix = "Input.",
        string[]? sequences = null, string[]? vessels = null)
    {
        var all = fields.ToList();
        all.AddRange((sequences ?? ["Ciss3D", "TofMra"]).Select(s => new KeyValuePair<string, string>(prefix + "Sequences", s)));
        all.AddRange((vessels ?? ["Aica", "Pica"]).Select(v => new KeyValuePair<string, string>(prefix + "Vessels", v)));
        return all;
    }

    public static Dictionary<string, string> Electrophysiology(string prefix = "Input.") => new()
    {
        [prefix + "StudyDate"] = "2026-10-05",
        [prefix + "LateralSpreadPresent"] = "true",
        [prefix + "LateralSpreadLatencyMs"] = "10.2",
        [prefix + "LateralSpreadAmplitudeUv"] = "150",
        [prefix + "BlinkReflexSynkinesis"] = "true",
        [prefix + "Note"] = "Zygomatic branch stimulated, recorded from mentalis.",
    };

    public static Dictionary<string, string> Diagnosis(string prefix = "Input.") => new()
    {
        [prefix + "Condition"] = "HemifacialSpasm",
        [prefix + "Side"] = "Left",
        [prefix + "Certainty"] = "Confirmed",
        [prefix + "Etiology"] = "Primary",
        [prefix + "Cause"] = "",
        [prefix + "CauseDetail"] = "",
        [prefix + "OnsetDate"] = "2024-06-01",
        [prefix + "Note"] = "",
    };

    /// <summary>The id at the end of a redirect such as <c>/Patients/{p}/Imaging/{id}/Report</c>.</summary>
    public static Guid IdBefore(HttpResponseMessage response, string tail)
    {
        var location = Redirects.LocationOf(response);
        var path = location.Split('?', '#')[0];
        Assert.EndsWith(tail, path, StringComparison.Ordinal);
        var parts = path[..^tail.Length].TrimEnd('/').Split('/');
        return Guid.Parse(parts[^1]);
    }

    /// <summary>Posts a form together with the version shown on the page (the hidden <c>Input.Version</c>).</summary>
    public static async Task<HttpResponseMessage> PostWithVersionAsync(this HttpClient client, string pageUrl,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var version = PageHtml.ValueOf(await client.GetStringAsync(pageUrl), "Input.Version");
        return await client.PostFormAsync(pageUrl, fields.Append(new("Input.Version", version)));
    }

    /// <summary>GETs the upload page for its antiforgery token and version, then posts the file as multipart.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string pageUrl, byte[] content,
        string fileName, string contentType, string? version = null)
    {
        var get = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var html = await get.Content.ReadAsStringAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(FormPost.TokenOf(html)), "__RequestVerificationToken" },
            { new StringContent(version ?? PageHtml.ValueOf(html, "Input.Version")), "Input.Version" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "Input.File", fileName);
        return await client.PostAsync(pageUrl, form);
    }

    /// <summary>Fails unless <paramref name="message"/> is part of the validation message shown beside field <paramref name="name"/>.</summary>
    public static void AssertErrorBeside(string html, string name, string message) =>
        Assert.Matches(new Regex("data-valmsg-for=\"" + Regex.Escape(name) + "\"[^>]*>[^<]*" + Regex.Escape(message)), html);

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
