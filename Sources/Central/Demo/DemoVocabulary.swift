import HealthCode

/// The words the demo population is made of: names, reasons, laboratories, phone prefixes, regions.
enum DemoVocabulary {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严武戴孔").map(String.init)
        + ["欧阳", "司马", "上官", "诸葛"]
    static let givenCharacters = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉宇浩然子轩梓涵欣怡雨婷佳琪思远晨阳俊博天宁海波春梅秋菊德福淑珍凤云")
        .map(String.init)

    static let greenReasons = [("", 70), ("三天两检转绿码", 15), ("居家健康监测期满", 15)]
    static let yellowReasons = [("密接居家隔离", 30), ("中风险地区来返", 30), ("次密接", 15), ("发热门诊就诊", 15),
                                ("卡口体温异常登记", 10)]
    /// Red reasons; the first two are infections and carry a positive test.
    static let redReasons = [("确诊", 20), ("无症状感染者", 20), ("疑似病例", 10), ("密接集中隔离", 30),
                             ("高风险地区来返", 20)]
    static let infections: Set<String> = ["确诊", "无症状感染者"]

    static let institutions = ["市第一人民医院检验科", "市中心医院", "区疾病预防控制中心", "社区卫生服务中心采样点",
                               "第三方医学检验实验室", "市妇幼保健院"]

    static let phonePrefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                                "152", "153", "155", "156", "157", "158", "159", "166", "176", "177", "180",
                                "181", "182", "183", "185", "186", "187", "188", "189", "198", "199"]

    /// Mainland province-level region codes, the first two digits of a resident ID number.
    static let provinces = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
                            50, 51, 52, 53, 54, 61, 62, 63, 64, 65]
    /// Prefecture and county numbers used under each province: 01–20 and 01–30.
    static let cities = 20
    static let counties = 30
    /// Enshi (恩施市, Hubei 4228): a real region outside the numbers above, so never in the population.
    static let regionOutsidePopulation = 422_801

    static func reasons(for colour: CodeColour) -> [(String, Int)] {
        switch colour {
        case .green, .unknown: greenReasons
        case .yellow: yellowReasons
        case .red: redReasons
        }
    }
}
