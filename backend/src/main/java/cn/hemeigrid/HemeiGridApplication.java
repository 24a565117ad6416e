package cn.hemeigrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HemeiGridApplication {

    public static void main(String[] args) {
        SpringApplication.run(HemeiGridApplication.class, args);
    }
}
