package cn.hemeigrid.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.locationtech.jts.geom.MultiPolygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.access.AuditLog;
import cn.hemeigrid.planning.geometry.CheckedShape;
import cn.hemeigrid.planning.geometry.Finding;
import cn.hemeigrid.planning.geometry.Neighbour;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Checks and imports the grids of a file. The dry run lists every feature with its problems.
 * The import runs the same checks in its transaction and stores all features or none. Each
 * grid is checked like a grid drawn on the planning page ({@link ShapeChecks}), and also
 * against the codes and basic grids of the other features in the file.
 */
@Service
class GridImport {

    private static final Logger log = LoggerFactory.getLogger(GridImport.class);

    private final ShapeChecks checks;
    private final PlanningAreas areas;
    private final GridCodes codes;
    private final PlannedGrids grids;
    private final FindingFeatures findingFeatures;
    private final MessageSource messages;

    private final AuditLog audit;

    GridImport(ShapeChecks checks, PlanningAreas areas, GridCodes codes, PlannedGrids grids,
               FindingFeatures findingFeatures, MessageSource messages, AuditLog audit) {
        this.checks = checks;
        this.areas = areas;
        this.codes = codes;
        this.grids = grids;
        this.findingFeatures = findingFeatures;
        this.messages = messages;
        this.audit = audit;
    }

    /** A problem of one feature, with the severity of a finding: rejected, warning or repaired. */
    record Problem(String kind, String severity, String message) {
    }

    /** @param accepted true when none of the feature's problems rejects it */
    record FeatureReport(int index, String code, String name, boolean accepted, List<Problem> problems) {
    }

    /**
     * @param valid    true when no feature has a rejecting problem
     * @param findings the shape findings as a GeoJSON FeatureCollection to draw
     * @param created  the codes of the grids stored, empty for a dry run
     * @param crs      the coordinate system the file was read in
     * @param fileCrs  the system named by a Shapefile's .prj file, else null
     */
    record Report(boolean valid, boolean committed, List<FeatureReport> features, Map<String, Object> findings,
                  List<String> created, String crs, String fileCrs) {

        Report withCrs(String readIn, String named) {
            return new Report(valid, committed, features, findings, created, readIn, named);
        }
    }

    /** A feature that passed every check, ready to insert. */
    private record Checked(GridCode code, GridAttributes attributes, MultiPolygon shape) {
    }

    @Transactional(readOnly = true)
    Report dryRun(List<ImportedFeature> features) {
        return dryRun(features, ImportProgress.NONE);
    }

    @Transactional(readOnly = true)
    Report dryRun(List<ImportedFeature> features, ImportProgress progress) {
        List<Checked> ready = new ArrayList<>();
        return check(features, ready, progress);
    }

    /**
     * Stores every feature as a new grid with source 'imported', each with its first version in
     * the history, or none.
     *
     * @throws RejectedRequestException 422 with the report in {@code features} and
     *                                  {@code problems} when any feature has a rejecting problem
     */
    @Transactional
    Report commit(List<ImportedFeature> features) {
        return commit(features, ImportProgress.NONE);
    }

    /** Stores the features as {@link #commit(List)} does, reporting progress as it goes. */
    @Transactional
    Report commit(List<ImportedFeature> features, ImportProgress progress) {
        Set<String> villages = new TreeSet<>();
        features.stream().map(GridImport::villageCodeOf).filter(code -> code != null).forEach(villages::add);
        // Only known villages are locked: features of others are rejected and stored nowhere, and a
        // file naming thousands of made-up villages would otherwise exhaust PostgreSQL's lock table.
        areas.knownVillageCodes(villages).forEach(codes::lockVillage);

        List<Checked> ready = new ArrayList<>();
        Report report = check(features, ready, progress);
        if (!report.valid()) {
            long rejected = report.features().stream().filter(feature -> !feature.accepted()).count();
            throw RejectedRequestException.unprocessable("planning.import.rejected", rejected, features.size())
                    .withProperty("features", report.features())
                    .withProperty("problems", report.findings());
        }

        progress.storing();
        grids.recordChange("created");
        List<String> created = new ArrayList<>();
        for (Checked grid : ready) {
            grids.insert(new PlannedGrids.NewGrid(grid.code(), grid.attributes().name(), grid.attributes().kind(),
                    grid.attributes().dedicatedType(), null, grid.shape()), "imported");
            created.add(grid.code().value());
        }
        audit.record("grid.import", "village", String.join(",", villages), "created " + created);
        log.info("Imported {} grids into villages {}", created.size(), villages);
        return new Report(true, true, report.features(), report.findings(), created, null, null);
    }

    private Report check(List<ImportedFeature> features, List<Checked> ready, ImportProgress progress) {
        Map<String, Optional<PlanningAreas.Unit>> villages = new HashMap<>();
        Set<String> seenCodes = new HashSet<>();
        Map<String, List<Neighbour>> basicShapesInFile = new HashMap<>();
        List<FeatureReport> reports = new ArrayList<>();
        List<Finding> allFindings = new ArrayList<>();

        for (ImportedFeature feature : features) {
            List<Problem> problems = new ArrayList<>();
            String label = feature.label();

            Optional<GridCode> code = checkCode(feature, seenCodes, problems);
            Optional<PlanningAreas.Unit> village = Optional.ofNullable(villageCodeOf(feature))
                    .flatMap(villageCode -> villages.computeIfAbsent(villageCode, areas::village));
            if (villageCodeOf(feature) != null && village.isEmpty()) {
                problems.add(rejected("village-not-found", villageCodeOf(feature)));
            }
            Optional<GridAttributes> attributes = checkAttributes(feature, village, code, problems);

            List<Finding> findings = new ArrayList<>();
            Optional<MultiPolygon> shape = Optional.empty();
            if (feature.readError() != null) {
                String key = switch (feature.readError()) {
                    case "non-finite" -> "planning.import.wkt-non-finite";
                    case "kml-coordinates-unreadable" -> "planning.import.kml-coordinates-unreadable";
                    default -> "planning.import.wkt-unreadable";
                };
                problems.add(new Problem(feature.readError(), "rejected", message(key)));
            } else {
                CheckedShape checked = checks.validate(feature.geometry(), label);
                findings.addAll(checked.findings());
                shape = checked.shape();
            }
            if (shape.isPresent() && village.isPresent()) {
                String kind = attributes.map(GridAttributes::kind).orElse("basic");
                findings.addAll(checks.placement(shape.get(), village.get(), kind, Optional.empty(), label));
                if (kind.equals("basic")) {
                    List<Neighbour> inFile = basicShapesInFile.computeIfAbsent(village.get().code(), v -> new ArrayList<>());
                    findings.addAll(checks.neighbourCheck().overlaps(shape.get(), inFile, label));
                    inFile.add(new Neighbour(label, shape.get()));
                }
            }
            findings.forEach(finding -> problems.add(problemOf(finding)));
            allFindings.addAll(findings);

            boolean accepted = problems.stream().noneMatch(problem -> problem.severity().equals("rejected"));
            reports.add(new FeatureReport(feature.index(), feature.code(), feature.name(), accepted, problems));
            if (accepted && code.isPresent() && attributes.isPresent() && shape.isPresent()) {
                ready.add(new Checked(code.get(), attributes.get(), shape.get()));
            }
            progress.checked(reports.size());
        }
        boolean valid = reports.stream().allMatch(FeatureReport::accepted);
        return new Report(valid, false, reports, findingFeatures.of(allFindings), List.of(), null, null);
    }

    /** Checks the code's form, its village, repeats within the file and grids that already use it. */
    private Optional<GridCode> checkCode(ImportedFeature feature, Set<String> seenCodes, List<Problem> problems) {
        if (feature.code() == null) {
            problems.add(rejected("code-missing"));
            return Optional.empty();
        }
        Optional<GridCode> code = GridCode.parse(feature.code());
        if (code.isEmpty()) {
            problems.add(rejected("code-invalid", feature.code()));
            return Optional.empty();
        }
        if (feature.villageCode() != null && !code.get().belongsTo(feature.villageCode())) {
            problems.add(rejected("code-other-village", code.get().value(), feature.villageCode()));
        }
        if (!seenCodes.add(code.get().value())) {
            problems.add(rejected("code-repeated", code.get().value()));
        }
        Optional<String> status = codes.statusOf(code.get());
        if (status.isPresent()) {
            problems.add(rejected("code-taken-" + status.get(), code.get().value()));
        }
        return code;
    }

    private Optional<GridAttributes> checkAttributes(ImportedFeature feature, Optional<PlanningAreas.Unit> village,
                                                     Optional<GridCode> code, List<Problem> problems) {
        String name = feature.name();
        if (name == null && village.isPresent() && code.isPresent()) {
            name = GridPlanning.defaultName(village.get(), code.get());
        }
        try {
            return Optional.of(GridAttributes.of(name == null ? "#" + feature.index() : name, feature.kind(),
                    feature.dedicatedType(), null));
        } catch (RejectedRequestException invalid) {
            problems.add(new Problem("attributes-invalid", "rejected",
                    messages.getMessage(invalid.messageKey(), invalid.messageArguments(), locale())));
            return Optional.empty();
        }
    }

    /** Returns the village/community of a feature: its villageCode, else the first 12 digits of its code. */
    private static String villageCodeOf(ImportedFeature feature) {
        if (feature.villageCode() != null) {
            return feature.villageCode();
        }
        return feature.code() == null ? null : GridCode.parse(feature.code()).map(GridCode::villageCode).orElse(null);
    }

    private Problem rejected(String kind, Object... arguments) {
        return new Problem(kind, "rejected", message("planning." + kind, arguments));
    }

    private Problem problemOf(Finding finding) {
        Object[] arguments = finding.arguments().stream().map(a -> a instanceof Number ? String.valueOf(a) : a)
                .toArray();
        return new Problem(finding.kind().code(), finding.severity().name().toLowerCase(Locale.ROOT),
                message(finding.kind().messageKey(), arguments));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
