namespace FactoryPath.Core.Catalog;

/// <summary>
/// The recognition a demonstration case carries: the tiers of the smart-factory gradient (智能工厂梯度培育:
/// 基础级, 先进级, 卓越级, 领航级) and the national demonstration factory (国家智能制造示范工厂).
/// </summary>
public enum DemonstrationTier
{
    SmartFactoryBasic,
    SmartFactoryAdvanced,
    SmartFactoryExcellent,
    SmartFactoryLeading,
    NationalDemonstration,
}
