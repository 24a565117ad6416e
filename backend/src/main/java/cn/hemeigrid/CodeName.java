package cn.hemeigrid;

/** A coded item as clients see it: its code and its Chinese name. */
public record CodeName(String code, String name) {
}
