namespace Cms.Content;

/// <summary>Which version of an item to load.</summary>
public enum VersionOptions
{
    /// <summary>The version readers see.</summary>
    Published,

    /// <summary>The newest version: a draft if there is one, else the published one.</summary>
    Latest,
}
