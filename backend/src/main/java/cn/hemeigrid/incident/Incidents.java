package cn.hemeigrid.incident;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Incidents extends JpaRepository<Incident, Long> {

    Optional<Incident> findByTrackingCode(String trackingCode);

    /** Finds an incident and locks its row (SELECT ... FOR UPDATE) until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Incident i where i.id = :id")
    Optional<Incident> findForUpdate(long id);

    /** Finds an incident by tracking code and locks its row until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Incident i where i.trackingCode = :trackingCode")
    Optional<Incident> findByTrackingCodeForUpdate(String trackingCode);
}
