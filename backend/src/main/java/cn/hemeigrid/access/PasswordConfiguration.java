package cn.hemeigrid.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password encoder, also available when the application runs without a web server (the import command). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /** Encodes new passwords with bcrypt and still verifies hashes of the other formats Spring Security supports, by their {id} prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
