package cn.hemeigrid.dataload;

import java.util.Random;

/**
 * Makes up Chinese personal names for generated grid workers from fixed lists: a surname common
 * in Guangdong and one or two given-name characters. No list of real people is used.
 */
final class PersonNames {

    private static final String SURNAMES = "陈李黄张梁林刘吴罗杨叶钟何曾郑邓谢朱冯彭廖赖温江古蔡卢徐周胡苏邱"
            + "潘赵许余丘简巫骆萧卓";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉志国海晓婷"
            + "雪嘉俊浩宇欣怡佳思雨梓晨健锦荣振家永泽炜斌婉琳慧颖彬祥坤";

    private final Random random;

    PersonNames(Random random) {
        this.random = random;
    }

    String next() {
        StringBuilder name = new StringBuilder(3);
        name.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int givenLength = random.nextInt(4) == 0 ? 1 : 2;
        for (int i = 0; i < givenLength; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }
}
