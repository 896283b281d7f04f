using System.Diagnostics.Metrics;

namespace Cms.Data;

/// <summary>
/// How often scopes fetch documents (settings, feature state, definitions) from the process cache or the
/// database: <c>cms.documents.reads</c>, tagged with the document and where it came from. A request fetches
/// each document once and then keeps it (see <see cref="DocumentStore"/>), which tests hold it to.
/// </summary>
public sealed class DocumentMetrics
{
    public const string MeterName = "Cms.Documents";

    private readonly Counter<long> _reads;

    public DocumentMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _reads = Meter.CreateCounter<long>("cms.documents.reads", description: "Documents a scope fetched from the process cache or the database");
    }

    public Meter Meter { get; }

    public void Read(string documentId, bool fromDatabase)
        => _reads.Add(1, new("document", documentId), new("source", fromDatabase ? "database" : "cache"));
}
