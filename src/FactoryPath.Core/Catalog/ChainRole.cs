namespace FactoryPath.Core.Catalog;

/// <summary>An enterprise's place in an industrial chain: the leading enterprise (链主) or a supplier of some tier.</summary>
public enum ChainRole
{
    Leader,
    Member,
}
