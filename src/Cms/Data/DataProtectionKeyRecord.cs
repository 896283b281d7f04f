namespace Cms.Data;

/// <summary>A Data Protection key, kept in the database so every node of a site shares the key ring.</summary>
public sealed class DataProtectionKeyRecord
{
    public long Id { get; set; }

    /// <summary>The key's own id (the "id" attribute of its XML), to store each key once.</summary>
    public string KeyId { get; set; } = "";

    public string Xml { get; set; } = "";
}
