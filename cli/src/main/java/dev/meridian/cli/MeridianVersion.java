package dev.meridian.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports Meridian's version from the jar manifest ({@code dev} when run from classes). */
public final class MeridianVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = MeridianVersion.class.getPackage().getImplementationVersion();
    return new String[] {"meridian " + (version == null ? "dev" : version)};
  }
}
