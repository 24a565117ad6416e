package cn.hemeigrid.incident;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The resident's satisfaction with one closure, 1 (very dissatisfied) to 5 (very satisfied). */
@Entity
@Immutable
@Table(name = "incident_rating")
public class IncidentRating {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    private Incident incident;

    private short score;
    private String comment;
    private Instant ratedAt;

    protected IncidentRating() {
    }

    IncidentRating(Incident incident, int score, String comment, Instant ratedAt) {
        this.incident = incident;
        this.score = (short) score;
        this.comment = comment;
        this.ratedAt = ratedAt;
    }

    public int score() {
        return score;
    }

    public String comment() {
        return comment;
    }

    public Instant ratedAt() {
        return ratedAt;
    }
}
