namespace WellbeingIndex.Engine.Definition;

/// <summary>A node of the hierarchy: a measured indicator (a leaf) or an aggregate of other nodes.</summary>
public enum NodeType
{
    Indicator,
    Aggregate,
}
