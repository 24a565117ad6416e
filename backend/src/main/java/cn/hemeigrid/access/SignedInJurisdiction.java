package cn.hemeigrid.access;

import org.springframework.stereotype.Component;

/**
 * The jurisdiction of the signed-in account. Anonymous requests (residents' reports, tracking
 * codes, Open311) get the whole city, because the endpoints open to them serve the whole city
 * by design. Every staff endpoint requires sign-in first.
 */
@Component
class SignedInJurisdiction implements CurrentJurisdiction {

    private final CurrentAccount currentAccount;

    SignedInJurisdiction(CurrentAccount currentAccount) {
        this.currentAccount = currentAccount;
    }

    @Override
    public Jurisdiction get() {
        return currentAccount.find().map(Account::jurisdiction).orElseGet(Jurisdiction.WholeCity::new);
    }
}
