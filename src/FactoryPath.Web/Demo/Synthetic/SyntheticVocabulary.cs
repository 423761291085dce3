namespace FactoryPath.Web.Demo.Synthetic;

/// <summary>
/// Word lists and weights for generated data. The proportions are illustrative: provinces roughly follow their counts
/// of industrial enterprises above designated size (规模以上工业企业) in recent statistical yearbooks, rounded and
/// not checked figure by figure; manufacturing divisions (GB/T 4754-2017 section C) are weighted by the same rough
/// idea of how many firms each has. They make the data look plausible; they are not statistics.
/// </summary>
internal static class SyntheticVocabulary
{
    /// <summary>Province code → relative weight (thousands of industrial enterprises, rounded).</summary>
    public static readonly (string Code, int Weight)[] Provinces =
    [
        ("440000", 66), ("320000", 58), ("330000", 56), ("370000", 35), ("410000", 22), ("340000", 21), ("350000", 20),
        ("430000", 19), ("420000", 17), ("130000", 17), ("510000", 17), ("360000", 15), ("310000", 9), ("210000", 9),
        ("610000", 8), ("450000", 8), ("500000", 7), ("140000", 7), ("120000", 6), ("530000", 5), ("520000", 5),
        ("150000", 4), ("230000", 4), ("650000", 4), ("110000", 3), ("220000", 3), ("620000", 3), ("640000", 2),
        ("460000", 1), ("630000", 1), ("540000", 1),
    ];

    /// <summary>Manufacturing division → relative weight and the industry words a company name in it may use.</summary>
    public static readonly (string Code, int Weight, string[] Words)[] Divisions =
    [
        ("13", 5, ["农产品加工", "粮油", "饲料"]), ("14", 4, ["食品", "乳业", "调味品"]), ("15", 2, ["酒业", "饮品", "茶业"]),
        ("16", 1, ["卷烟材料"]), ("17", 5, ["纺织", "织造", "印染"]), ("18", 4, ["服饰", "制衣", "针织"]),
        ("19", 2, ["鞋业", "皮革"]), ("20", 2, ["木业", "竹木制品"]), ("21", 2, ["家具", "家居"]),
        ("22", 2, ["纸业", "包装"]), ("23", 2, ["印刷", "彩印"]), ("24", 2, ["文体用品", "工艺品"]),
        ("25", 1, ["石化", "煤化工"]), ("26", 7, ["化工", "新材料", "精细化工"]), ("27", 3, ["制药", "生物医药"]),
        ("28", 1, ["化纤"]), ("29", 7, ["塑业", "橡塑制品", "塑胶"]), ("30", 7, ["建材", "陶瓷", "玻璃"]),
        ("31", 2, ["钢铁", "特钢"]), ("32", 2, ["有色金属", "铝业", "铜业"]), ("33", 8, ["金属制品", "五金", "紧固件"]),
        ("34", 9, ["机械", "精密机械", "通用设备"]), ("35", 8, ["专用设备", "智能装备", "自动化设备"]),
        ("36", 5, ["汽车零部件", "汽车部件", "车业"]), ("37", 2, ["船舶配件", "轨道交通设备"]),
        ("38", 9, ["电气", "电机", "电器"]), ("39", 8, ["电子", "光电", "电子科技"]), ("40", 3, ["仪器仪表", "测控"]),
        ("41", 1, ["日用品"]), ("42", 1, ["再生资源"]), ("43", 1, ["设备维修"]),
    ];

    /// <summary>Characters of a trade name (字号); two of them make one, e.g. 恒达.</summary>
    public const string TradeChars = "恒达华盛鑫源泰丰瑞祥宏远永安兴隆创新金鼎润博凯辰卓越中天长江东方精工明德嘉诚信和宝通海川正伟立富宇腾飞";

    public static readonly string[] ProviderWords = ["智能科技", "信息技术", "工业互联网", "软件", "数字科技", "自动化", "智造科技"];

    public static readonly string[] Certifications =
        ["ISO 9001", "ISO/IEC 27001", "CMMI 3", "CMMI 5", "高新技术企业", "专精特新中小企业", "两化融合管理体系 AA", "DCMM 2", "ITSS 3"];

    /// <summary>Trade terms of a solution title, by deployment (zh, en).</summary>
    public static readonly (string Zh, string En)[] SaasTerms = [("SaaS平台", "SaaS platform"), ("云服务", "cloud service"), ("轻量化应用", "lightweight app"), ("订阅套件", "subscription suite")];
    public static readonly (string Zh, string En)[] OnPremisesTerms = [("一体化解决方案", "integrated solution"), ("系统", "system"), ("工程实施方案", "engineered solution")];
    public static readonly (string Zh, string En)[] HybridTerms = [("云边协同方案", "cloud-edge solution"), ("混合部署套件", "hybrid suite")];

    /// <summary>KPI indicator, unit and the range of its relative change in percent.</summary>
    public static readonly (string Indicator, double Min, double Max)[] Kpis =
    [
        ("production_efficiency", 5, 40), ("energy_per_unit", -25, -3), ("carbon", -20, -2), ("defect_rate", -50, -10),
        ("delivery_cycle", -35, -5), ("inventory_turnover", 5, 40), ("equipment_utilisation", 3, 25),
    ];

    /// <summary>Pain points an enterprise names when it posts a demand (zh, en).</summary>
    public static readonly (string Zh, string En)[] PainPoints =
    [
        ("设备停机频繁、原因说不清", "frequent machine stops with unclear causes"), ("排产靠经验、交期难保证", "scheduling by experience, delivery dates missed"),
        ("质量问题追溯慢", "quality problems traced back slowly"), ("能耗高且无法分摊到工序", "high energy use not allocated to operations"),
        ("库存数据不准、盘点耗时", "inaccurate stock figures, long stocktakes"), ("工艺参数靠纸质记录", "process parameters kept on paper"),
        ("订单进度不透明", "order progress not visible"), ("关键岗位招工难", "hard to staff key positions"),
        ("设备数据采集不上来", "machine data cannot be collected"), ("报表靠人工汇总", "reports compiled by hand"),
    ];
}
