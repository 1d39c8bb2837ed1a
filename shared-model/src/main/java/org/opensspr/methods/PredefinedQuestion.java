package org.opensspr.methods;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The 35 predefined security questions Entra offers. Their text lives in a resource bundle so it can
 * be localized; the stable identity is the constant name, which is what registrations store.
 */
public enum PredefinedQuestion {
    CITY_MET_FIRST_SPOUSE, CITY_PARENTS_MET, CITY_NEAREST_SIBLING_LIVES, CITY_FATHER_BORN,
    CITY_FIRST_JOB, CITY_MOTHER_BORN, CITY_NEW_YEARS_2000, LAST_NAME_FAVORITE_HIGH_SCHOOL_TEACHER,
    COLLEGE_APPLIED_NOT_ATTENDED, PLACE_FIRST_WEDDING_RECEPTION, FATHER_MIDDLE_NAME, FAVORITE_FOOD,
    MATERNAL_GRANDMOTHER_NAME, MOTHER_MIDDLE_NAME, OLDEST_SIBLING_BIRTH_MONTH_YEAR,
    OLDEST_SIBLING_MIDDLE_NAME, PATERNAL_GRANDFATHER_NAME, YOUNGEST_SIBLING_MIDDLE_NAME,
    SIXTH_GRADE_SCHOOL, CHILDHOOD_BEST_FRIEND_NAME, FIRST_SIGNIFICANT_OTHER_NAME,
    LAST_NAME_FAVORITE_GRADE_SCHOOL_TEACHER, FIRST_CAR_MAKE_MODEL, FIRST_SCHOOL_ATTENDED,
    HOSPITAL_BORN, FIRST_CHILDHOOD_HOME_STREET, CHILDHOOD_HERO, FAVORITE_STUFFED_ANIMAL, FIRST_PET,
    CHILDHOOD_NICKNAME, FAVORITE_HIGH_SCHOOL_SPORT, FIRST_JOB, CHILDHOOD_PHONE_LAST_FOUR_DIGITS,
    CHILDHOOD_DREAM_JOB, MOST_FAMOUS_PERSON_MET;

    private static final String BUNDLE = "org.opensspr.methods.SecurityQuestions";
    // Without this a server whose own locale is Spanish would answer an English flow in Spanish.
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The question in the given language, falling back to English (never to the machine's locale). */
    public String text(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, NO_DEFAULT_LOCALE).getString(name());
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No text for security question " + name(), e);
        }
    }
}
