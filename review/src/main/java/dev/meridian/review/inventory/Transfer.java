package dev.meridian.review.inventory;

/** A directed user-data transfer a deployment allows, e.g. {@code UK → EU}. */
public record Transfer(String from, String to) {

  @Override
  public String toString() {
    return from + " → " + to;
  }
}
