package cn.hemeigrid.incident;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Incidents extends JpaRepository<Incident, Long> {

    Optional<Incident> findByTrackingCode(String trackingCode);
}
