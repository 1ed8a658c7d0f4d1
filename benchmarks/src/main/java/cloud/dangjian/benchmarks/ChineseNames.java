package cloud.dangjian.benchmarks;

import java.util.random.RandomGenerator;

/**
 * Makes realistic Chinese personal names (姓名): a family name weighted by how common it is, then one or two given-name
 * characters. Search is by name prefix, so a realistic skew (王, 李 and 张 cover a fifth of people) is what makes the
 * search benchmark honest.
 */
final class ChineseNames {

    /** Family names with roughly their share per mille of the population (2020 census order), a few compound. */
    private static final String SURNAMES = """
            王71 李70 张64 刘53 陈45 杨31 黄20 赵20 吴19 周19 徐15 孙15 马14 朱13 胡12 郭12 何11 林10 高10 罗9
            郑9 梁9 谢8 宋8 唐8 许7 韩7 冯7 邓7 曹7 彭6 曾6 肖6 田6 董5 袁5 潘5 于5 蒋5 蔡5 余5 杜5 叶4 程4
            苏4 魏4 吕4 丁4 任4 沈4 姚3 卢3 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石3 廖3 贾3 夏3 韦3 付3 方3 白2
            邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶2 黎2 贺2 顾2 毛2 郝2 龚2 邵2 万2 钱2
            严2 覃1 武1 戴1 莫1 孔1 向1 汤1 欧阳1 上官1 诸葛1 司马1
            """;

    private static final String MALE_GIVEN = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁建国文志海东亮林峰俊浩宇轩博洋龙晨振家兴旭成庆德荣春永福新";
    private static final String FEMALE_GIVEN = "芳娜敏静丽艳娟霞秀英玲燕洁红梅琳萍雪慧婷倩颖琪欣怡佳悦晶凤兰月云莉桂珍丹彤思雨涵瑶萱";

    private final Weighted<String> surnames = new Weighted<>();

    ChineseNames() {
        for (String entry : SURNAMES.split("\\s+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int digits = 0;
            while (Character.isDigit(entry.charAt(entry.length() - 1 - digits))) {
                digits++;
            }
            int split = entry.length() - digits;
            surnames.add(entry.substring(0, split), Integer.parseInt(entry.substring(split)));
        }
    }

    /** A name for a man or a woman; about two in three modern given names have two characters. */
    String next(RandomGenerator random, boolean male) {
        String pool = male ? MALE_GIVEN : FEMALE_GIVEN;
        StringBuilder name = new StringBuilder(surnames.pick(random));
        name.append(pool.charAt(random.nextInt(pool.length())));
        if (random.nextInt(3) != 0) {
            name.append(pool.charAt(random.nextInt(pool.length())));
        }
        return name.toString();
    }
}
