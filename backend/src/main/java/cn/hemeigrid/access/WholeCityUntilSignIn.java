package cn.hemeigrid.access;

import org.springframework.stereotype.Component;

/**
 * Stand-in until staff sign in, so every request is limited to the whole city. Replaced by the
 * implementation that reads the signed-in account.
 */
@Component
class WholeCityUntilSignIn implements CurrentJurisdiction {

    @Override
    public Jurisdiction get() {
        return new Jurisdiction.WholeCity();
    }
}
