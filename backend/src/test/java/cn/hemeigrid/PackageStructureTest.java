package cn.hemeigrid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the feature packages readable as modules: no cycles between them, and the coordinate
 * code and the web setup stay free of feature code.
 */
@AnalyzeClasses(packages = "cn.hemeigrid", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices()
            .matching("cn.hemeigrid.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule geoDependsOnNoFeature = noClasses()
            .that().resideInAPackage("cn.hemeigrid.geo..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "cn.hemeigrid.routing..", "cn.hemeigrid.incident..", "cn.hemeigrid.grid..",
                    "cn.hemeigrid.dataload..", "cn.hemeigrid.map..", "cn.hemeigrid.system..");

    @ArchTest
    static final ArchRule systemDependsOnNoFeature = noClasses()
            .that().resideInAPackage("cn.hemeigrid.system..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "cn.hemeigrid.routing..", "cn.hemeigrid.incident..", "cn.hemeigrid.grid..",
                    "cn.hemeigrid.dataload..", "cn.hemeigrid.map..", "cn.hemeigrid.catalogue..");
}
