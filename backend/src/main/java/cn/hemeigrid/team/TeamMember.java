package cn.hemeigrid.team;

/** A member of a grid team; {@code departmentName} is set for professional grid workers only. */
public record TeamMember(String role, String roleName, String name, String departmentName) {
}
