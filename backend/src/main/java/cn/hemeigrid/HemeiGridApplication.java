package cn.hemeigrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import cn.hemeigrid.dataload.DataImportRunner;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HemeiGridApplication {

    /**
     * Starts the server, or with the argument {@code import} loads gis-data/ into an empty
     * database without starting the web server, and exits.
     */
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(HemeiGridApplication.class);
        boolean importCommand = DataImportRunner.isImportCommand(args);
        if (importCommand) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }

        ConfigurableApplicationContext context = application.run(args);

        if (importCommand) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
