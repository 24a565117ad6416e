package cn.hemeigrid.dataload;

/** Short forms of village and community names for grid names. */
final class VillageNames {

    private VillageNames() {
    }

    /**
     * Returns the name without the committee suffix: 东湖社区居委会 → 东湖社区, 下角村民委员会 →
     * 下角村, 新乐村村民委员会 → 新乐村. Names without such a suffix are returned unchanged.
     */
    static String shortName(String name) {
        for (String suffix : new String[] {"居民委员会", "居委会"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        for (String suffix : new String[] {"村民委员会", "村委会"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                String base = name.substring(0, name.length() - suffix.length());
                return base.endsWith("村") ? base : base + "村";
            }
        }
        if (name.endsWith("委员会") && name.length() > 3) {
            return name.substring(0, name.length() - 3);
        }
        return name;
    }

    /**
     * Returns true for urban units: everything under a street (township digits 001 to 099) and
     * every unit whose name marks it as a community (社区, 居委会, 居民委员会).
     */
    static boolean isUrban(String villageCode, String name) {
        int townshipSerial = Integer.parseInt(villageCode.substring(6, 9));
        return townshipSerial >= 1 && townshipSerial <= 99
                || name.contains("社区") || name.contains("居委会") || name.contains("居民委员会");
    }
}
