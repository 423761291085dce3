namespace FactoryPath.Core.Catalog;

/// <summary>
/// The recognition a demonstration case carries: the tiers of the smart-factory gradient (智能工厂梯度培育:
/// 基础级, 先进级, 卓越级, 领航级), the national demonstration factory (国家智能制造示范工厂) and a province's own
/// demonstration factory (省级智能制造示范工厂). New tiers are added at the end: values are stored by name.
/// </summary>
public enum DemonstrationTier
{
    SmartFactoryBasic,
    SmartFactoryAdvanced,
    SmartFactoryExcellent,
    SmartFactoryLeading,
    NationalDemonstration,
    ProvincialDemonstration,
}
