using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Workup;

/// <summary>Imaging (with uploaded reports), electrophysiology and diagnoses.</summary>
public static class WorkupSetup
{
    public static IServiceCollection AddWorkup(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>()
            .BindConfiguration(DocumentOptions.Section)
            .PostConfigure<IHostEnvironment>((o, env) =>
            {
                // Outside the web root, beside the SQLite file: data/documents.
                o.Path = string.IsNullOrWhiteSpace(o.Path)
                    ? Path.Combine(DataSetup.DataDirectory(env.ContentRootPath), "documents")
                    : Path.GetFullPath(o.Path, env.ContentRootPath);
            })
            .Validate(o => o.MaxBytes is > 0 and <= 1024L * 1024 * 1024, "Documents:MaxBytes must be between 1 byte and 1 GiB.")
            .Validate<IWebHostEnvironment>((o, env) => !IsUnder(o.Path!, env.WebRootPath), "Documents:Path must not be inside the web root (wwwroot).")
            .ValidateOnStart();

        return services
            .AddSingleton<DocumentStore>()
            .AddScoped<PatientWorkup.Query>()
            .AddScoped<RecordImaging.Handler>()
            .AddScoped<UpdateImaging.Handler>()
            .AddScoped<MarkImagingEnteredInError.Handler>()
            .AddScoped<UploadDocument.Handler>()
            .AddScoped<GetDocument.Handler>()
            .AddScoped<RecordElectrophysiology.Handler>()
            .AddScoped<UpdateElectrophysiology.Handler>()
            .AddScoped<MarkElectrophysiologyEnteredInError.Handler>()
            .AddScoped<RecordDiagnosis.Handler>()
            .AddScoped<UpdateDiagnosis.Handler>()
            .AddScoped<EndDiagnosis.Handler>();
    }

    private static bool IsUnder(string path, string? root)
    {
        if (string.IsNullOrEmpty(root))
        {
            return false;
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path));
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
