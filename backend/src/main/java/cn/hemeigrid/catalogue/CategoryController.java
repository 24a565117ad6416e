package cn.hemeigrid.catalogue;

import cn.hemeigrid.CodeName;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CategoryController {

    private final MatterCatalogue catalogue;
    private final JdbcClient jdbc;

    CategoryController(MatterCatalogue catalogue, JdbcClient jdbc) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    /**
     * One category as the report form shows it, with its time limits.
     *
     * @param handlingLimitUnit {@code hours} or {@code working_days}
     */
    record CategoryItem(String code, String name, String group, String departmentName, String handlerRouteName,
                        int assignLimitMinutes, int urgentAssignLimitMinutes, int handlingLimit,
                        String handlingLimitUnit) {
    }

    /** Lists the matter categories in display order, for the report form's category choice. */
    @GetMapping("/api/v1/categories")
    List<CategoryItem> categories() {
        return catalogue.all().stream()
                .map(c -> new CategoryItem(c.code(), c.name(), c.groupName(), c.department().name(),
                        c.handlerRoute().name(), c.assignLimitMinutes(), c.urgentAssignLimitMinutes(),
                        c.handlingLimit(), c.handlingLimitUnit().name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    record HandlerRouteItem(String code, String name, String description) {
    }

    /** Lists the handler routes of four-way routing in display order, for dispatch and rerouting. */
    @GetMapping("/api/v1/handler-routes")
    List<HandlerRouteItem> handlerRoutes() {
        return jdbc.sql("SELECT code, name, description FROM handler_route ORDER BY sort_order, code")
                .query(HandlerRouteItem.class)
                .list();
    }

    /** Lists the departments by code, for dispatch and summons. */
    @GetMapping("/api/v1/departments")
    List<CodeName> departments() {
        return jdbc.sql("SELECT code, name FROM department ORDER BY code").query(CodeName.class).list();
    }
}
