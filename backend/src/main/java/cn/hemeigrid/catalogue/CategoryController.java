package cn.hemeigrid.catalogue;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CategoryController {

    private final MatterCatalogue catalogue;

    CategoryController(MatterCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record CategoryItem(String code, String name, String group, String departmentName, String handlerRouteName) {
    }

    /** Lists the matter categories in display order, for the report form's category choice. */
    @GetMapping("/api/v1/categories")
    List<CategoryItem> categories() {
        return catalogue.all().stream()
                .map(c -> new CategoryItem(c.code(), c.name(), c.groupName(), c.department().name(),
                        c.handlerRoute().name()))
                .toList();
    }
}
